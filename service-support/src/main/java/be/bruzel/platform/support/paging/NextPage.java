package be.bruzel.platform.support.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list endpoint answers one page at a time; a full page says where the next one is in an RFC 8288
 * {@code Link} header, relative to the caller's own address (a service behind the gateway never
 * names its own host).
 */
public final class NextPage {

    private NextPage() {}

    public static <T> ResponseEntity<List<T>> of(HttpServletRequest request, List<T> page, int number, int size) {
        return ok(request, page.size() >= size, number).body(page);
    }

    /** An answer that links to the next page when this one is full. */
    public static ResponseEntity.BodyBuilder ok(HttpServletRequest request, boolean full, int number) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (full) {
            String next = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("page", number + 1)
                    .build()
                    .toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer;
    }
}
