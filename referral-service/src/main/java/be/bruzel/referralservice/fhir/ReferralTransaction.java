package be.bruzel.referralservice.fhir;

import be.bruzel.platform.fhir.FhirCaller;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.referral.FollowUp;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralReading;
import be.bruzel.referralservice.referral.ReferralSubmission;
import be.bruzel.referralservice.referral.SubmitReferral;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/R4} with a referral's transaction Bundle: read, checked as {@code POST /api/referrals}
 * checks its body, submitted the same way (routed theme by theme, one Task per receiving organisation), and
 * answered with what was created. The Idempotency-Key header, or an entry's If-None-Exist, makes a retry
 * return what the first attempt created instead of referring twice.
 */
@Component
class ReferralTransaction {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final ReferralSubmission submission;
    private final ReferralReading reading;
    private final Validator validator;
    private final String baseUrl;

    ReferralTransaction(
            ReferralSubmission submission,
            ReferralReading reading,
            Validator validator,
            @Value("${platform.fhir.base-url}") String baseUrl) {
        this.submission = submission;
        this.reading = reading;
        this.validator = validator;
        this.baseUrl = baseUrl;
    }

    @Transaction
    public Bundle refer(@TransactionParam Bundle bundle, RequestDetails request) {
        Caller referrer = FhirCaller.with(Role.REFERRER);
        ReferralBundle referral = ReferralBundle.read(bundle, referrer);
        requireValid(referral.submission());
        Optional<String> key = idempotencyKey(request, referral);
        ReferralSubmission.Submission stored;
        try {
            stored = submission.submit(referrer, key, referral.submission());
        } catch (RejectedRequestException rejected) {
            throw new RejectedRequestException(
                    rejected.status(),
                    rejected.messageCode(),
                    ReferralBundle.expressionOf(rejected.field()),
                    rejected.arguments());
        }
        // Just made, a referral was last updated when it was submitted; a replay's may have moved on since.
        List<FollowUp> tasks = stored.referrals().stream()
                .map(created -> stored.replayed()
                        ? reading.followUp(referrer, created.id())
                        : new FollowUp(created, created.times().submittedAt(), Optional.empty()))
                .toList();
        return answer(referral, stored, tasks);
    }

    /** One entry per entry sent, in its order; the Tasks beyond the first (more receivers) after them. */
    private Bundle answer(ReferralBundle referral, ReferralSubmission.Submission stored, List<FollowUp> tasks) {
        Referral first = stored.referrals().getFirst();
        Bundle answer = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        String status = stored.replayed() ? "200 OK" : "201 Created";
        List<FollowUp> remaining = new ArrayList<>(tasks);
        for (Bundle.BundleEntryComponent sent : referral.entries()) {
            Resource created = switch (sent.getResource().getResourceType()) {
                case Patient -> ReferralResources.patient(first);
                case ServiceRequest -> ReferralResources.serviceRequest(stored.referrals());
                case Consent -> ReferralResources.consent(first);
                default -> ReferralResources.task(remaining.removeFirst());
            };
            add(answer, created, status);
        }
        remaining.forEach(task -> add(answer, ReferralResources.task(task), status));
        return answer;
    }

    private void add(Bundle answer, Resource created, String status) {
        String type = created.getResourceType().name();
        Bundle.BundleEntryComponent entry = answer.addEntry()
                .setFullUrl(baseUrl + "/" + type + "/" + created.getIdPart())
                .setResource(created);
        entry.getResponse()
                .setStatus(status)
                .setLocation(type + "/" + created.getIdPart())
                .setLastModified(
                        created.getMeta().getLastUpdated() == null
                                ? new Date()
                                : created.getMeta().getLastUpdated());
    }

    /** Every constraint of the REST API's body, reported at once with the element of the Bundle at fault. */
    private void requireValid(SubmitReferral submitted) {
        Set<ConstraintViolation<SubmitReferral>> violations = validator.validate(submitted);
        if (violations.isEmpty()) {
            return;
        }
        OperationOutcome outcome = new OperationOutcome();
        violations.stream()
                .sorted(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> outcome.addIssue()
                        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(OperationOutcome.IssueType.INVALID)
                        .setDiagnostics(violation.getMessage())
                        .addExpression(ReferralBundle.expressionOf(
                                violation.getPropertyPath().toString())));
        throw new UnprocessableEntityException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
    }

    private static Optional<String> idempotencyKey(RequestDetails request, ReferralBundle referral) {
        String header = request.getHeader("Idempotency-Key");
        if (header != null) {
            if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
                throw new InvalidRequestException("Idempotency-Key: 8 to 100 letters, digits and . _ : -");
            }
            return Optional.of(header);
        }
        // A condition names what the referral is known by in the GP's software: the same condition is the same
        // referral.
        return referral.ifNoneExist().map(condition -> "if-none-exist:" + sha256(condition));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
