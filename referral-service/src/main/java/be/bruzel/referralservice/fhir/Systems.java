package be.bruzel.referralservice.fhir;

/**
 * The platform's own code systems, identifier systems and extension, by canonical URL: the same in every
 * deployment, so that GP software recognises them whichever platform it talks to.
 */
final class Systems {

    static final String THEMES = ThemeCodeSystem.URL;
    /** How the person gave consent: {@code oral}, {@code written}, {@code digital}. */
    static final String CONSENT_METHOD = "https://bruzel.be/fhir/CodeSystem/consent-method";
    /** How a completed referral ended: {@code solved}, {@code partly-solved}, {@code referred-on}, ... */
    static final String OUTCOME = "https://bruzel.be/fhir/CodeSystem/referral-outcome";
    /** Why an organisation declined: {@code no-capacity}, {@code not-our-offer}, ... */
    static final String DECLINE_REASON = "https://bruzel.be/fhir/CodeSystem/decline-reason";
    /** What the platform says beyond Task.status: {@code expired}, {@code erased}, {@code unmet-need}. */
    static final String REFERRAL_STATE = "https://bruzel.be/fhir/CodeSystem/referral-state";
    /** The platform's users (a referrer's id at the identity provider). */
    static final String USER = "https://bruzel.be/fhir/sid/user";
    /** The organisations of the social map, by the directory's id (e.g. {@code ocmw-jette}). */
    static final String ORGANISATION = "https://bruzel.be/fhir/sid/organisation";
    /** On a Patient's address: the municipality's NIS code, where a postcode is shared by two. */
    static final String MUNICIPALITY = "https://bruzel.be/fhir/StructureDefinition/municipality";
    /** Languages as BCP 47 tags. */
    static final String LANGUAGE = "urn:ietf:bcp:47";

    private Systems() {}
}
