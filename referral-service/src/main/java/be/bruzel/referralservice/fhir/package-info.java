/**
 * The FHIR R4 API at {@code /fhir/R4}, for software that speaks FHIR (a GP's medical record): HAPI FHIR's plain
 * server behind Spring MVC, so that a FHIR request passes the same security as every other. After the SDOH Clinical
 * Care IG's closed loop: a referral comes in as a transaction Bundle (Patient, ServiceRequest, Consent, Task) and is
 * submitted as the REST API submits it; each referral is a Task that follows it, cancelled by its requester; the
 * feedback thread is Communication. Also the platform's themes as a CodeSystem and a CapabilityStatement that says
 * exactly what is served.
 */
package be.bruzel.referralservice.fhir;
