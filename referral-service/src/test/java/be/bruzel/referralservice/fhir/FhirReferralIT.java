package be.bruzel.referralservice.fhir;

import static be.bruzel.platform.fhir.FhirValidity.valid;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import ca.uhn.fhir.context.FhirContext;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Referring and following up through FHIR: a transaction Bundle in, one Task per receiving organisation out, the
 * Task following what the organisation does in the platform, cancellation, the thread as Communication; every
 * refusal; every resource answered is valid R4.
 */
@ServiceIntegrationTest
class FhirReferralIT {

    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    private static final String OTHER_GP = TestTokens.bearer("gp.schaerbeek", List.of("referrer"), null);
    private static final String OCMW = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    private static final String CAW = TestTokens.bearer("worker.caw", List.of("organisation-worker"), "caw-brussel");
    private static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);
    private static final String FHIR_JSON = "application/fhir+json";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @BeforeEach
    void directoryIsKnown() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Test
    void aTransactionBundleRefersThePersonWithOneTaskPerReceivingOrganisation() {
        String answer = valid(refer(bundle("1090", "finances", "loneliness"), GP, null), HttpStatus.OK);

        assertThat((String) JsonPath.read(answer, "$.type")).isEqualTo("transaction-response");
        assertThat((List<String>) JsonPath.read(answer, "$.entry[*].resource.resourceType"))
                .containsExactly("Patient", "ServiceRequest", "Consent", "Task", "Task");
        assertThat((List<String>) JsonPath.read(answer, "$.entry[*].response.status"))
                .containsOnly("201 Created");
        assertThat((List<String>) JsonPath.read(
                        answer, "$.entry[?(@.resource.resourceType == 'Task')].resource.owner.identifier.value"))
                .containsExactly("ocmw-jette", "caw-brussel");
        assertThat((List<String>)
                        JsonPath.read(answer, "$.entry[?(@.resource.resourceType == 'Task')].resource.status"))
                .containsOnly("requested");
        String submission = JsonPath.read(answer, "$.entry[1].resource.id");
        assertThat((String) JsonPath.read(answer, "$.entry[3].resource.focus.reference"))
                .isEqualTo("ServiceRequest/" + submission);
        assertThat(jdbc.sql(
                                "SELECT person_name FROM referral WHERE submission_id = :id ORDER BY receiving_organisation_id")
                        .param("id", UUID.fromString(submission))
                        .query(String.class)
                        .list())
                .containsExactly("Marie Peeters", "Marie Peeters");
        assertThat((String) JsonPath.read(answer, "$.entry[0].resource.name[0].text"))
                .isEqualTo("Marie Peeters");
        assertThat((String) JsonPath.read(answer, "$.entry[1].resource.priority"))
                .isEqualTo("urgent");
    }

    @Test
    void aRetryWithTheSameConditionOrKeyRefersOnce() {
        Bundle bundle = bundle("1090", "finances");
        bundle.getEntry().get(1).getRequest().setIfNoneExist("identifier=urn:gp-software|" + UUID.randomUUID());
        long before = referrals();

        String first = valid(refer(bundle, GP, null), HttpStatus.OK);
        String again = valid(refer(bundle, GP, null), HttpStatus.OK);
        String keyed = valid(refer(bundle("1090", "finances"), GP, "fhir-retry-" + UUID.randomUUID()), HttpStatus.OK);

        assertThat((String) JsonPath.read(again, "$.entry[1].resource.id"))
                .isEqualTo(JsonPath.read(first, "$.entry[1].resource.id"));
        assertThat((List<String>) JsonPath.read(again, "$.entry[*].response.status"))
                .containsOnly("200 OK");
        assertThat(referrals()).isEqualTo(before + 2);
        assertThat((List<String>) JsonPath.read(keyed, "$.entry[*].response.status"))
                .containsOnly("201 Created");
    }

    @Test
    void aBundleThePlatformCannotTakeIsRefusedNamingTheElementsInTheCallersLanguageAndChangesNothing() {
        Bundle bundle = bundle("9000", "finances");
        consentOf(bundle).getProvision().setType(Consent.ConsentProvisionType.DENY);
        long before = referrals();

        MvcTestResult refused = mvc.post()
                .uri("/fhir/R4")
                .header("Authorization", GP)
                .header("Accept-Language", "fr")
                .contentType(FHIR_JSON)
                .content(FHIR.newJsonParser().encodeResourceToString(bundle))
                .exchange();

        String outcome = valid(refused, HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat((List<String>) JsonPath.read(outcome, "$.issue[*].expression[0]"))
                .containsExactlyInAnyOrder("Consent.provision.type", "Patient.address.postalCode");
        assertThat((List<String>) JsonPath.read(
                        outcome, "$.issue[?(@.expression[0] == 'Patient.address.postalCode')].diagnostics"))
                .first()
                .asString()
                .contains("code postal bruxellois");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aBundleOfAnotherShapeIsRefusedWithTheElementAtFault() {
        Bundle batch = bundle("1090", "finances").setType(Bundle.BundleType.BATCH);
        Bundle withoutTask = bundle("1090", "finances");
        withoutTask.getEntry().removeLast();
        Bundle unknownTheme = bundle("1090", "astrology");
        long before = referrals();

        assertThat(expressions(refer(batch, GP, null), HttpStatus.UNPROCESSABLE_CONTENT))
                .containsExactly("Bundle.type");
        assertThat(expressions(refer(withoutTask, GP, null), HttpStatus.UNPROCESSABLE_CONTENT))
                .containsExactly("Bundle.entry");
        assertThat(expressions(refer(unknownTheme, GP, null), HttpStatus.BAD_REQUEST))
                .containsExactly("ServiceRequest.category");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void theTaskFollowsWhatTheOrganisationDoesInThePlatform() {
        String task = taskIds(valid(refer(bundle("1090", "finances"), GP, null), HttpStatus.OK))
                .getFirst();

        assertThat(taskStatus(task, GP)).isEqualTo("requested");
        assertThat(mvc.get().uri("/api/referrals/" + task).header("Authorization", OCMW))
                .hasStatus(HttpStatus.OK);
        assertThat(taskStatus(task, GP)).isEqualTo("received");
        assertThat(mvc.post().uri("/api/referrals/" + task + "/accept").header("Authorization", OCMW))
                .hasStatus(HttpStatus.OK);
        assertThat(taskStatus(task, GP)).isEqualTo("accepted");
        assertThat(rest("/api/referrals/" + task + "/complete", OCMW, "{\"outcome\": \"SOLVED\"}"))
                .hasStatus(HttpStatus.OK);

        String completed = valid(get("/fhir/R4/Task/" + task, GP), HttpStatus.OK);
        assertThat((String) JsonPath.read(completed, "$.status")).isEqualTo("completed");
        assertThat((String) JsonPath.read(completed, "$.output[0].valueCodeableConcept.coding[0].code"))
                .isEqualTo("solved");
        assertThat((String) JsonPath.read(completed, "$.meta.versionId")).isNotEqualTo("0");
    }

    @Test
    void aDeclineThatReturnsTheReferralIsARejectedTaskWithItsReason() {
        String task = taskIds(valid(refer(bundle("1090", "loneliness"), GP, null), HttpStatus.OK))
                .getFirst();
        String owner =
                JsonPath.read(valid(get("/fhir/R4/Task/" + task, GP), HttpStatus.OK), "$.owner.identifier.value");
        // Every organisation that receives it in turn declines, until it goes back to the referrer.
        for (int turn = 0; turn < 5 && !"rejected".equals(taskStatus(task, GP)); turn++) {
            String worker = TestTokens.bearer("worker." + turn, List.of("organisation-worker"), owner);
            assertThat(rest("/api/referrals/" + task + "/decline", worker, "{\"reason\": \"NO_CAPACITY\"}"))
                    .hasStatus(HttpStatus.NO_CONTENT);
            owner = JsonPath.read(valid(get("/fhir/R4/Task/" + task, GP), HttpStatus.OK), "$.owner.identifier.value");
        }

        String rejected = valid(get("/fhir/R4/Task/" + task, GP), HttpStatus.OK);
        assertThat((String) JsonPath.read(rejected, "$.status")).isEqualTo("rejected");
        assertThat((String) JsonPath.read(rejected, "$.statusReason.coding[0].code"))
                .isEqualTo("no-capacity");
    }

    @Test
    void theReferrerFindsTheirTasksByStatusAndLastUpdatedAPageAtATime() {
        Instant before =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        // A referrer of their own, so that only this test's Tasks are theirs; the requester is then the signed-in one.
        String referrer = TestTokens.bearer("gp.paging", List.of("referrer"), null);
        Bundle bundle = bundle("1090", "finances", "loneliness");
        ((ServiceRequest) bundle.getEntry().get(1).getResource()).setRequester(null);
        List<String> tasks = taskIds(valid(refer(bundle, referrer, null), HttpStatus.OK));

        String found = valid(
                get(
                        "/fhir/R4/Task?requester=Practitioner/gp.paging&status=requested,received&_lastUpdated=ge"
                                + before + "&_count=1",
                        referrer),
                HttpStatus.OK);
        String second = valid(get(nextOf(found), referrer), HttpStatus.OK);
        String others = valid(get("/fhir/R4/Task?requester=gp.schaerbeek", referrer), HttpStatus.OK);
        String completed =
                valid(get("/fhir/R4/Task?status=completed&_lastUpdated=ge" + before, referrer), HttpStatus.OK);

        assertThat((Integer) JsonPath.read(found, "$.total")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(found, "$.entry[*].resource.id"))
                .hasSize(1);
        assertThat(List.of(
                        JsonPath.<String>read(found, "$.entry[0].resource.id"),
                        JsonPath.<String>read(second, "$.entry[0].resource.id")))
                .containsExactlyInAnyOrderElementsOf(tasks);
        assertThat((Integer) JsonPath.read(others, "$.total")).isZero();
        assertThat((Integer) JsonPath.read(completed, "$.total")).isZero();
        assertThat(get("/fhir/R4/Task?_count=1000", referrer)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theRequesterCancelsByPatchOrPutAndNothingElseChangesThroughFhir() {
        List<String> tasks = taskIds(valid(refer(bundle("1090", "finances", "loneliness"), GP, null), HttpStatus.OK));

        MvcTestResult patched = mvc.patch()
                .uri("/fhir/R4/Task/" + tasks.get(0))
                .header("Authorization", GP)
                .contentType("application/json-patch+json")
                .content("[{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"cancelled\"}]")
                .exchange();
        Task cancelling = task(tasks.get(1), GP).setStatus(Task.TaskStatus.CANCELLED);
        MvcTestResult stale = put(tasks.get(1), cancelling, GP, "W/\"999\"");
        Task completing = task(tasks.get(1), GP).setStatus(Task.TaskStatus.COMPLETED);
        MvcTestResult completed = put(tasks.get(1), completing, GP, null);
        MvcTestResult byAnother = put(tasks.get(1), cancelling, OTHER_GP, null);
        MvcTestResult byOrganisation = put(tasks.get(1), cancelling, CAW, null);
        assertThat(status(tasks.get(1))).isEqualTo("SUBMITTED");
        MvcTestResult put =
                put(tasks.get(1), cancelling, GP, "W/\"" + cancelling.getMeta().getVersionId() + "\"");

        assertThat((String) JsonPath.read(valid(patched, HttpStatus.OK), "$.status"))
                .isEqualTo("cancelled");
        valid(stale, HttpStatus.PRECONDITION_FAILED);
        assertThat(expressionsOf(valid(completed, HttpStatus.UNPROCESSABLE_CONTENT)))
                .containsExactly("Task.status");
        valid(byAnother, HttpStatus.NOT_FOUND);
        valid(byOrganisation, HttpStatus.FORBIDDEN);
        assertThat((String) JsonPath.read(valid(put, HttpStatus.OK), "$.status"))
                .isEqualTo("cancelled");
        assertThat(status(tasks.get(0))).isEqualTo("CANCELLED");
        assertThat(status(tasks.get(1))).isEqualTo("CANCELLED");
    }

    @Test
    void theFeedbackThreadIsCommunicationPartOfTheTask() {
        String task = taskIds(valid(refer(bundle("1090", "finances"), GP, null), HttpStatus.OK))
                .getFirst();
        assertThat(rest("/api/referrals/" + task + "/messages", OCMW, "{\"body\": \"We bellen mevrouw maandag.\"}"))
                .hasStatus(HttpStatus.CREATED);

        MvcTestResult posted = mvc.post()
                .uri("/fhir/R4/Communication")
                .header("Authorization", GP)
                .contentType(FHIR_JSON)
                .content("""
                        {"resourceType": "Communication", "status": "completed",
                         "partOf": [{"reference": "Task/%s"}],
                         "payload": [{"contentString": "Dank u, ze verwacht uw telefoon."}]}
                        """.formatted(task))
                .exchange();
        String thread = valid(get("/fhir/R4/Communication?part-of=Task/" + task, GP), HttpStatus.OK);

        String postedId = JsonPath.read(valid(posted, HttpStatus.CREATED), "$.id");
        assertThat(posted.getResponse().getHeader("Location")).contains("/Communication/" + postedId);
        assertThat((String) JsonPath.read(
                        valid(get("/fhir/R4/Communication/" + postedId, GP), HttpStatus.OK),
                        "$.payload[0].contentString"))
                .isEqualTo("Dank u, ze verwacht uw telefoon.");
        valid(get("/fhir/R4/Communication/" + postedId, OCMW), HttpStatus.OK);
        valid(get("/fhir/R4/Communication/" + postedId, CAW), HttpStatus.NOT_FOUND);
        valid(get("/fhir/R4/Communication/" + postedId, OTHER_GP), HttpStatus.NOT_FOUND);
        assertThat((List<String>) JsonPath.read(thread, "$.entry[*].resource.payload[0].contentString"))
                .containsExactly("We bellen mevrouw maandag.", "Dank u, ze verwacht uw telefoon.");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM person_data_access WHERE referral_id = :id AND user_id = 'gp.jette' AND purpose = 'feedback.read'")
                        .param("id", UUID.fromString(task))
                        .query(Long.class)
                        .single())
                .as("the thread read once, the one message once")
                .isEqualTo(2);
        assertThat(mvc.get().uri("/api/referrals/" + task + "/messages").header("Authorization", OCMW))
                .bodyJson()
                .extractingPath("$[*].body")
                .asArray()
                .contains("Dank u, ze verwacht uw telefoon.");
    }

    @Test
    void whatIsNotYoursDoesNotExistAndTheWrongRoleIsRefused() {
        String answer = valid(refer(bundle("1090", "finances"), GP, null), HttpStatus.OK);
        String task = taskIds(answer).getFirst();
        String submission = JsonPath.read(answer, "$.entry[1].resource.id");
        long referralsBefore = referrals();
        long messagesBefore = jdbc.sql("SELECT count(*) FROM feedback_message")
                .query(Long.class)
                .single();

        valid(refer(bundle("1090", "finances"), OCMW, null), HttpStatus.FORBIDDEN);
        valid(refer(bundle("1090", "finances"), ANALYST, null), HttpStatus.FORBIDDEN);
        valid(get("/fhir/R4/Task/" + task, OTHER_GP), HttpStatus.NOT_FOUND);
        valid(get("/fhir/R4/Task/" + task, CAW), HttpStatus.NOT_FOUND);
        valid(get("/fhir/R4/Task/" + task, ANALYST), HttpStatus.NOT_FOUND);
        valid(get("/fhir/R4/Task/not-a-uuid", GP), HttpStatus.NOT_FOUND);
        for (String type : List.of("ServiceRequest", "Patient", "Consent")) {
            valid(get("/fhir/R4/" + type + "/" + submission, OTHER_GP), HttpStatus.NOT_FOUND);
            valid(get("/fhir/R4/" + type + "/" + submission, OCMW), HttpStatus.NOT_FOUND);
            valid(get("/fhir/R4/" + type + "/" + submission, GP), HttpStatus.OK);
        }
        valid(get("/fhir/R4/Communication?part-of=Task/" + task, OTHER_GP), HttpStatus.NOT_FOUND);
        MvcTestResult foreignMessage = mvc.post()
                .uri("/fhir/R4/Communication")
                .header("Authorization", CAW)
                .contentType(FHIR_JSON)
                .content(
                        "{\"resourceType\": \"Communication\", \"status\": \"completed\", \"partOf\": [{\"reference\": \"Task/"
                                + task + "\"}], \"payload\": [{\"contentString\": \"Hallo\"}]}")
                .exchange();
        valid(foreignMessage, HttpStatus.NOT_FOUND);
        assertThat(String.valueOf(JsonPath.<Object>read(
                        valid(get("/fhir/R4/Task?requester=gp.jette", OTHER_GP), HttpStatus.OK), "$.total")))
                .isEqualTo("0");
        String inbox = valid(get("/fhir/R4/Task?_count=100", CAW), HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(inbox, "$.entry[*].resource.id"))
                .doesNotContain(task);

        assertThat(referrals()).isEqualTo(referralsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_message")
                        .query(Long.class)
                        .single())
                .isEqualTo(messagesBefore);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM person_data_access WHERE refused AND user_id = 'gp.schaerbeek' AND referral_id IN (:task, :submission)")
                        .param("task", UUID.fromString(task))
                        .param("submission", UUID.fromString(submission))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(5);
        assertThat(get("/fhir/R4/Task/" + task, null)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void oncePersonalDataIsErasedThePatientIsGoneAndTheTaskSaysSo() {
        String answer = valid(refer(bundle("1090", "finances"), GP, null), HttpStatus.OK);
        String task = taskIds(answer).getFirst();
        String submission = JsonPath.read(answer, "$.entry[1].resource.id");

        assertThat(rest("/api/referrals/" + task + "/erasure", GP, "{\"reason\": \"PERSON_REQUEST\"}"))
                .hasStatus(HttpStatus.OK);

        String erased = valid(get("/fhir/R4/Task/" + task, GP), HttpStatus.OK);
        assertThat((String) JsonPath.read(erased, "$.status")).isEqualTo("cancelled");
        assertThat((String) JsonPath.read(erased, "$.businessStatus.coding[0].code"))
                .isEqualTo("erased");
        valid(get("/fhir/R4/Patient/" + submission, GP), HttpStatus.GONE);
        String request = valid(get("/fhir/R4/ServiceRequest/" + submission, GP), HttpStatus.OK);
        assertThat(request).doesNotContain("Mevrouw", "Marie");
    }

    // The GP software's side.

    static Bundle bundle(String postcode, String... themes) {
        Patient patient = new Patient();
        patient.addName().setFamily("Peeters").addGiven("Marie");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0470 12 34 56");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("marie@example.org");
        patient.addCommunication()
                .setPreferred(true)
                .setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "nl-BE", null)));
        patient.addAddress().setPostalCode(postcode);
        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
        consent.addCategory(new CodeableConcept(new Coding(Systems.CONSENT_METHOD, "oral", null)));
        consent.setPatient(new Reference("urn:uuid:00000000-0000-0000-0000-000000000001"));
        consent.setDateTime(Date.from(Instant.parse("2026-01-05T10:00:00Z")));
        consent.setPolicyRule(
                new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", null)));
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        for (String theme : themes) {
            request.addCategory(new CodeableConcept(new Coding(Systems.THEMES, theme, null)));
        }
        request.setPriority(ServiceRequest.ServiceRequestPriority.URGENT);
        request.setSubject(new Reference("urn:uuid:00000000-0000-0000-0000-000000000001"));
        request.setRequester(new Reference("Practitioner/gp.jette"));
        request.addNote().setText("Mevrouw is sinds de dood van haar man veel alleen.");
        request.addSupportingInfo(new Reference("urn:uuid:00000000-0000-0000-0000-000000000003"));
        Task task = new Task();
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null)));
        task.setFocus(new Reference("urn:uuid:00000000-0000-0000-0000-000000000002"));
        task.setFor(new Reference("urn:uuid:00000000-0000-0000-0000-000000000001"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(bundle, "00000000-0000-0000-0000-000000000001", patient);
        add(bundle, "00000000-0000-0000-0000-000000000002", request);
        add(bundle, "00000000-0000-0000-0000-000000000003", consent);
        add(bundle, "00000000-0000-0000-0000-000000000004", task);
        return bundle;
    }

    private static void add(Bundle bundle, String uuid, org.hl7.fhir.r4.model.Resource resource) {
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + uuid)
                .setResource(resource)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    private static Consent consentOf(Bundle bundle) {
        return (Consent) bundle.getEntry().get(2).getResource();
    }

    private MvcTestResult refer(Bundle bundle, String token, String idempotencyKey) {
        var request = mvc.post()
                .uri("/fhir/R4")
                .header("Authorization", token)
                .contentType(FHIR_JSON)
                .content(FHIR.newJsonParser().encodeResourceToString(bundle));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    /** What an organisation or the referrer does in the platform, through its REST API. */
    private MvcTestResult rest(String uri, String token, String json) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", token)
                .contentType("application/json")
                .content(json)
                .exchange();
    }

    private MvcTestResult get(String uri, String token) {
        var request = mvc.get().uri(java.net.URI.create(uri));
        return token == null
                ? request.exchange()
                : request.header("Authorization", token).exchange();
    }

    private MvcTestResult put(String id, Task task, String token, String ifMatch) {
        var request = mvc.put()
                .uri("/fhir/R4/Task/" + id)
                .header("Authorization", token)
                .contentType(FHIR_JSON)
                .content(FHIR.newJsonParser().encodeResourceToString(task));
        return ifMatch == null
                ? request.exchange()
                : request.header("If-Match", ifMatch).exchange();
    }

    private Task task(String id, String token) {
        return FHIR.newJsonParser().parseResource(Task.class, valid(get("/fhir/R4/Task/" + id, token), HttpStatus.OK));
    }

    private String taskStatus(String id, String token) {
        return JsonPath.read(valid(get("/fhir/R4/Task/" + id, token), HttpStatus.OK), "$.status");
    }

    private String status(String referralId) {
        return jdbc.sql("SELECT status FROM referral WHERE id = :id")
                .param("id", UUID.fromString(referralId))
                .query(String.class)
                .single();
    }

    private long referrals() {
        return jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single();
    }

    private static List<String> taskIds(String answer) {
        return JsonPath.read(answer, "$.entry[?(@.resource.resourceType == 'Task')].resource.id");
    }

    /** The next page's link, relative to this service (the links name the gateway's address). */
    private static String nextOf(String bundle) {
        List<String> next = JsonPath.read(bundle, "$.link[?(@.relation == 'next')].url");
        assertThat(next).hasSize(1);
        return next.getFirst().substring(next.getFirst().indexOf("/fhir/R4"));
    }

    private static List<String> expressions(MvcTestResult result, HttpStatus status) {
        return expressionsOf(valid(result, status));
    }

    private static List<String> expressionsOf(String outcome) {
        return JsonPath.read(outcome, "$.issue[*].expression[0]");
    }
}
