/**
 * The FHIR R4 API at {@code /fhir/R4}, for software that speaks FHIR (a GP's medical record): HAPI FHIR's plain
 * server behind Spring MVC, so that a FHIR request passes the same security as every other. Today it publishes
 * the platform's themes as a CodeSystem and a CapabilityStatement that says exactly that; referring and following
 * up through ServiceRequest and Task (the SDOH Clinical Care closed loop) are to come.
 */
package be.bruzel.referralservice.fhir;
