package be.bruzel.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * HAPI's instance validator against the base R4 profiles, offline (the R4 definitions come from
 * {@code hapi-fhir-validation-resources-r4}): every resource a test receives passes it without an error.
 */
public final class FhirValidity {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    private FhirValidity() {}

    /** What the validator finds wrong in the resource (errors and fatal errors), each with its place; none when valid. */
    public static List<String> errorsIn(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList();
    }

    /** The answer's body, once it has the status, is FHIR JSON and passes the validator without an error. */
    public static String valid(MvcTestResult result, HttpStatus status) {
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status.value());
        assertThat(result.getResponse().getContentType()).startsWith("application/fhir+json");
        assertThat(errorsIn(body)).as(body).isEmpty();
        return body;
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirValidator validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }
}
