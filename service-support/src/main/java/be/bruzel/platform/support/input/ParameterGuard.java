package be.bruzel.platform.support.input;

import be.bruzel.platform.support.problem.RejectedRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/** Query parameters with a control character are refused before any controller (or SQL) sees them. */
final class ParameterGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            // A name that is itself hostile is not repeated back.
            if (ControlCharacters.in(parameter.getKey())) {
                throw refused("?");
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.in(value)) {
                    throw refused(parameter.getKey());
                }
            }
        }
        return true;
    }

    private static RejectedRequestException refused(String parameter) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, "problem.field.control-character", parameter);
    }
}
