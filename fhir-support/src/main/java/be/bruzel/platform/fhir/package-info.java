/**
 * What a service that speaks FHIR R4 shares: HAPI FHIR's plain server behind the service's Spring MVC and security
 * ({@link be.bruzel.platform.fhir.FhirServer}), the caller as the REST API knows them
 * ({@link be.bruzel.platform.fhir.FhirCaller}), and every failure as the OperationOutcome it should be
 * ({@link be.bruzel.platform.fhir.FailureOutcomes}).
 */
package be.bruzel.platform.fhir;
