package be.bruzel.platform.fhir;

import be.bruzel.platform.support.problem.ProblemMessages;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * HAPI's plain server answering under {@value #BASE}, reached through a Spring MVC controller of the service rather
 * than as a servlet of its own: every FHIR request passes Spring Security's filters as the REST API's do (the same
 * bearer tokens, the same refusals), and HAPI sees it as its servlet mapped at {@value #BASE} would. HAPI answers
 * everything itself, failures as OperationOutcome resources ({@link FailureOutcomes}).
 */
public final class FhirServer {

    public static final String BASE = "/fhir/R4";

    private final RestfulServer server;

    /**
     * @param baseUrl where callers reach the API, through the gateway: links and the CapabilityStatement name that
     *     address, not the service's own port
     * @param plainProviders providers of system-level interactions (a transaction) and interceptors of the server
     */
    public FhirServer(
            ServletContext servletContext,
            String baseUrl,
            String description,
            ProblemMessages messages,
            List<IResourceProvider> resources,
            List<Object> plainProviders)
            throws ServletException {
        server = new RestfulServer(FhirContext.forR4Cached());
        server.setServerName("BruZEL social referral platform");
        server.setImplementationDescription(description);
        server.setResourceProviders(resources);
        plainProviders.forEach(server::registerProvider);
        server.setServerAddressStrategy(new HardcodedServerAddressStrategy(baseUrl));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.registerInterceptor(new FailureOutcomes(messages));
        server.init(new Config(servletContext));
    }

    public void registerInterceptor(Object interceptor) {
        server.registerInterceptor(interceptor);
    }

    public void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // The servlet's public entry, which hands HAPI the request as HTTP.
        server.service((ServletRequest) new UnderBase(request), (ServletResponse) response);
    }

    /** The request as HAPI's servlet would see it, mapped at {@value #BASE}. */
    private static final class UnderBase extends HttpServletRequestWrapper {

        UnderBase(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getServletPath() {
            return BASE;
        }

        @Override
        public String getPathInfo() {
            String path = getRequestURI().substring(getContextPath().length());
            return path.length() > BASE.length() ? path.substring(BASE.length()) : null;
        }
    }

    private record Config(ServletContext getServletContext) implements ServletConfig {

        @Override
        public String getServletName() {
            return "fhir";
        }

        @Override
        public String getInitParameter(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }
}
