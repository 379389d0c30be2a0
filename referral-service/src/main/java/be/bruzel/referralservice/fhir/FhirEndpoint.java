package be.bruzel.referralservice.fhir;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HAPI's plain server answering under {@value #BASE}. It is reached through Spring MVC rather than as a
 * servlet of its own, so every FHIR request passes Spring Security's filters as the REST API's do (the
 * same bearer tokens, the same refusals), and HAPI sees it as its servlet mapped at {@value #BASE} would.
 * HAPI answers everything itself, errors as OperationOutcome resources.
 */
@RestController
class FhirEndpoint {

    static final String BASE = "/fhir/R4";

    private final RestfulServer server;

    FhirEndpoint(
            List<IResourceProvider> resources,
            ReferralTransaction transaction,
            ProblemMessages messages,
            ServletContext servletContext,
            @Value("${platform.fhir.base-url}") String baseUrl)
            throws ServletException {
        server = new RestfulServer(FhirContext.forR4Cached());
        server.setServerName("BruZEL social referral platform");
        server.setImplementationDescription("Social referral for Brussels first-line care: FHIR R4 API");
        server.setResourceProviders(resources);
        server.registerProvider(transaction);
        // Callers reach it through the gateway: links and the CapabilityStatement name that address, not this port.
        server.setServerAddressStrategy(new HardcodedServerAddressStrategy(baseUrl));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.registerInterceptor(new FailureOutcomes(messages));
        server.init(new Config(servletContext));
    }

    @RequestMapping({BASE, BASE + "/**"})
    void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
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
