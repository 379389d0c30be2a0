package be.bruzel.notificationservice.subscription;

import be.bruzel.platform.fhir.FhirServer;
import be.bruzel.platform.support.problem.ProblemMessages;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /fhir/R4/Subscription} of the platform's FHIR API: the gateway sends it here, where who hears of what
 * lives; referral-service answers the rest of {@value FhirServer#BASE} and names Subscription in its
 * CapabilityStatement.
 */
@RestController
class SubscriptionEndpoint {

    static final String PATH = FhirServer.BASE + "/Subscription";

    private final FhirServer server;

    SubscriptionEndpoint(
            SubscriptionResource subscriptions,
            ProblemMessages messages,
            ServletContext servletContext,
            SubscriptionSettings settings)
            throws ServletException {
        server = new FhirServer(
                servletContext,
                settings.baseUrl(),
                "Social referral for Brussels first-line care: FHIR R4 Subscription",
                messages,
                List.of(subscriptions),
                List.of());
    }

    @RequestMapping({PATH, PATH + "/**"})
    void serve(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        server.serve(request, response);
    }
}
