package be.bruzel.referralservice.fhir;

import be.bruzel.platform.fhir.FhirCaller;
import be.bruzel.platform.fhir.FhirIds;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralReading;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the referrer sent, read back under the submission's id: the ServiceRequest, the Patient, the Consent.
 * Their referrer's alone (a receiving organisation reads its referral in the platform), and each read is logged.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionResources {

    @Bean
    IResourceProvider serviceRequests(ReferralReading reading) {
        return new Submitted<>(ServiceRequest.class, ReferralResources::serviceRequest, reading);
    }

    @Bean
    IResourceProvider patients(ReferralReading reading) {
        return new Submitted<>(Patient.class, submission -> ReferralResources.patient(submission.getFirst()), reading);
    }

    @Bean
    IResourceProvider consents(ReferralReading reading) {
        return new Submitted<>(Consent.class, submission -> ReferralResources.consent(submission.getFirst()), reading);
    }

    /** One resource type made of a submission's referrals. */
    static final class Submitted<T extends Resource> implements IResourceProvider {

        private final Class<T> type;
        private final Function<List<Referral>, T> resource;
        private final ReferralReading reading;

        Submitted(Class<T> type, Function<List<Referral>, T> resource, ReferralReading reading) {
            this.type = type;
            this.resource = resource;
            this.reading = reading;
        }

        @Override
        public Class<T> getResourceType() {
            return type;
        }

        @Read
        public T read(@IdParam IdType id) {
            return resource.apply(reading.submission(FhirCaller.current(), FhirIds.uuidOf(id)));
        }
    }
}
