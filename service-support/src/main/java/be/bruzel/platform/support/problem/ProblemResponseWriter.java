package be.bruzel.platform.support.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the response, for errors raised before any controller runs. */
public class ProblemResponseWriter {

    private final ProblemMessages messages;
    private final JsonMapper json;

    public ProblemResponseWriter(ProblemMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailCode)
            throws IOException {
        Locale locale = ProblemMessages.negotiate(request.getHeader("Accept-Language"));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.get(detailCode, locale));
        problem.setTitle(messages.get("problem.title." + status.value(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Content-Language", locale.getLanguage());
        json.writeValue(response.getOutputStream(), problem);
    }
}
