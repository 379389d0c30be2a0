package be.bruzel.referralservice.fhir;

import be.bruzel.platform.fhir.FhirServer;
import be.bruzel.platform.support.problem.ProblemMessages;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The FHIR R4 API of referrals: everything under {@value FhirServer#BASE} but Subscription (notification-service's). */
@RestController
class FhirEndpoint {

    static final String BASE = FhirServer.BASE;

    private final FhirServer server;

    FhirEndpoint(
            List<IResourceProvider> resources,
            ReferralTransaction transaction,
            ProblemMessages messages,
            ServletContext servletContext,
            @Value("${platform.fhir.base-url}") String baseUrl)
            throws ServletException {
        server = new FhirServer(
                servletContext,
                baseUrl,
                "Social referral for Brussels first-line care: FHIR R4 API",
                messages,
                resources,
                List.of(transaction));
        server.registerInterceptor(new SubscriptionCapability());
    }

    @RequestMapping({BASE, BASE + "/**"})
    void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        server.serve(request, response);
    }
}
