package be.bruzel.gateway.limits;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.github.bucket4j.util.concurrent.batch.BatchHelper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets per caller, shared by every gateway instance through PostgreSQL (Bucket4j). A
 * signed-in person (by session, or by a bearer token the identity provider signed) is counted as
 * themselves; anyone else by their address, more strictly, and starting a sign-in more strictly
 * still. Writes have a bucket of their own. Beyond a limit the answer is a 429 problem with
 * {@code Retry-After}, before anything else happens: no session, no call to a service.
 *
 * <p>Runs inside the security filter chain, after the security headers (see {@code WebLogin}).
 */
@Component
public class RateLimits {

    /**
     * @param enabled off only for benchmarks that play many people with one token
     * @param anonymous per address, for requests of no one signed in
     * @param signIn per address, for starting and completing a sign-in
     * @param person per signed-in person
     * @param writes per signed-in person (or address), for requests that change something
     */
    @ConfigurationProperties("platform.gateway.rate-limits")
    public record Settings(boolean enabled, Limit anonymous, Limit signIn, Limit person, Limit writes) {

        /** So many requests, refilled evenly over the period. */
        public record Limit(long requests, Duration per) {

            BucketConfiguration bucket() {
                return BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, per))
                        .build();
            }
        }
    }

    private enum Plan {
        ANONYMOUS,
        SIGN_IN,
        PERSON,
        WRITES
    }

    private static final String BEARER = "Bearer ";
    private static final int PURGE_BATCH = 1_000;

    private final Settings settings;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ReactiveJwtDecoder accessTokens;
    private final MeterRegistry meters;
    private final Map<Plan, BucketConfiguration> configurations;
    /** Tokens already verified, until they expire: a caller's every request costs no signature check. */
    private final AsyncCache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) ->
                    jwt.getExpiresAt() == null ? Duration.ZERO : Duration.between(Instant.now(), jwt.getExpiresAt())))
            .buildAsync();

    /**
     * One proxy per bucket in use, so that Bucket4j's batching joins the concurrent requests of one caller
     * into one database transaction instead of queueing each on the bucket's row lock.
     */
    private final Cache<String, BucketProxy> inUse = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    RateLimits(Settings settings, DataSource database, ReactiveJwtDecoder accessTokens, MeterRegistry meters) {
        this.settings = settings;
        this.accessTokens = accessTokens;
        this.meters = meters;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.configurations = Map.of(
                Plan.ANONYMOUS,
                settings.anonymous().bucket(),
                Plan.SIGN_IN,
                settings.signIn().bucket(),
                Plan.PERSON,
                settings.person().bucket(),
                Plan.WRITES,
                settings.writes().bucket());
    }

    /** Lets the request through, or ends it with a 429 problem. */
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!settings.enabled()) {
            return chain.filter(exchange);
        }
        return caller(exchange)
                .map(person -> "person:" + person)
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(caller -> {
                    Plan plan = planOf(exchange, caller.startsWith("person:"));
                    return consume(caller + ":" + plan.name().toLowerCase(Locale.ROOT), plan);
                })
                .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : Mono.error(tooMany(probe)));
    }

    /** Buckets full again are state no one needs: deleted, a batch at a time. */
    @Scheduled(fixedDelayString = "${platform.gateway.rate-limits.purge-every:PT1M}")
    void purgeFullBuckets() {
        while (buckets.removeExpired(PURGE_BATCH) == PURGE_BATCH) {
            // another batch
        }
    }

    private static Plan planOf(ServerWebExchange exchange, boolean signedIn) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/")) {
            return Plan.SIGN_IN;
        }
        HttpMethod method = exchange.getRequest().getMethod();
        // A search is posted to keep a person's name out of the address; it changes nothing.
        boolean search = method == HttpMethod.POST && path.endsWith("/_search");
        boolean writes =
                !(search || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
        if (writes) {
            return Plan.WRITES;
        }
        return signedIn ? Plan.PERSON : Plan.ANONYMOUS;
    }

    /**
     * A person's reads are counted in this instance and written to the shared bucket once every
     * hundredth of the limit or every second, which spares each read a database transaction: another
     * instance may let through up to that hundredth more. Writes, sign-ins and limits under a hundred
     * are counted exactly.
     */
    private Optimization optimizationFor(Plan plan) {
        long hundredth = settings.person().requests() / 100;
        if (plan != Plan.PERSON || hundredth == 0) {
            return Optimizations.batching();
        }
        return Optimizations.delaying(new DelayParameters(hundredth, Duration.ofSeconds(1)));
    }

    private Mono<ConsumptionProbe> consume(String key, Plan plan) {
        return Mono.fromCallable(() -> inUse.get(
                                key,
                                any -> buckets.builder()
                                        .withOptimization(optimizationFor(plan))
                                        .build(key, () -> configurations.get(plan)))
                        .tryConsumeAndReturnRemaining(1))
                .onErrorResume(
                        RateLimits::removedUnderJoinedRequests,
                        removed -> Mono.fromCallable(() -> buckets.builder()
                                .build(key, () -> configurations.get(plan))
                                .tryConsumeAndReturnRemaining(1)))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(probe -> {
                    if (!probe.isConsumed()) {
                        meters.counter(
                                        "gateway.rate.limited",
                                        "limit",
                                        plan.name().toLowerCase(Locale.ROOT))
                                .increment();
                    }
                });
    }

    /**
     * A bucket removed (by the purge, or an operator) while a caller's concurrent requests were joined into
     * one transaction: Bucket4j makes a missing bucket again for a request on its own, not for joined ones,
     * which all fail. Each then goes again on its own, through a proxy that does not join.
     */
    private static boolean removedUnderJoinedRequests(Throwable failure) {
        return failure instanceof BatchHelper.BatchFailedException
                && failure.getCause() instanceof BucketNotFoundException;
    }

    /**
     * The signed-in person: from a bearer token whose signature, issuer and lifetime hold, else from
     * the session (which security reads next anyway, once). A token that does not hold counts as anonymous.
     */
    private Mono<String> caller(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return Mono.fromFuture(verified.get(
                            token, (key, executor) -> accessTokens.decode(key).toFuture()))
                    .map(Jwt::getSubject)
                    .onErrorResume(invalid -> Mono.empty());
        }
        return exchange.getSession()
                .mapNotNull(session -> Optional.ofNullable(session.<SecurityContext>getAttribute(
                                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
                        .map(SecurityContext::getAuthentication)
                        .map(Authentication::getName)
                        .orElse(null));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    private static ErrorResponseException tooMany(ConsumptionProbe probe) {
        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS);
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return tooMany;
    }
}
