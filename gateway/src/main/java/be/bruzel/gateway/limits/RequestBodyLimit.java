package be.bruzel.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No request body is larger than the API needs: a declared length over the limit is refused before
 * a byte is read, and a body sent without one is cut off where it passes the limit. Both are 413
 * problems. Only the HSDS import, a whole social map, may be larger.
 */
@Component
public class RequestBodyLimit implements WebFilter, Ordered {

    /**
     * @param api the most any API request may send
     * @param hsdsImport the most an HSDS data set may weigh ({@code POST /api/directory/hsds}, administrators only)
     */
    @ConfigurationProperties("platform.gateway.max-body")
    public record Settings(DataSize api, DataSize hsdsImport) {}

    private static final String HSDS_IMPORT = "/api/directory/hsds";

    private final Settings settings;

    RequestBodyLimit(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        // Before security and routing: an oversized body costs nothing but its headers.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request).toBytes();
        if (request.getHeaders().getContentLength() > limit) {
            return Mono.error(tooLarge());
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] read = {0};
                return super.getBody().map(buffer -> {
                    read[0] += buffer.readableByteCount();
                    if (read[0] > limit) {
                        DataBufferUtils.release(buffer);
                        throw tooLarge();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private DataSize limitFor(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.POST
                        && HSDS_IMPORT.equals(request.getPath().value())
                ? settings.hsdsImport()
                : settings.api();
    }

    private static ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
    }
}
