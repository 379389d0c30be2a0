package be.bruzel.platform.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;

/** The platform's resources are named by UUIDs: any other id names nothing here, a 404 as for one not yours. */
public final class FhirIds {

    private FhirIds() {}

    public static UUID uuidOf(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            throw new ResourceNotFoundException(id);
        }
    }
}
