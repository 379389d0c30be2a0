package be.bruzel.referralservice.fhir;

import be.bruzel.platform.directorycopy.Directory;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * The platform's themes (the needs a person is referred for) as a FHIR CodeSystem, in Dutch with French
 * and English designations: what a ServiceRequest's {@code category} codes mean. Read it at
 * {@code CodeSystem/themes}, or find it by its canonical URL. The names are this service's copy of the directory's.
 */
@Component
class ThemeCodeSystem implements IResourceProvider {

    static final String ID = "themes";
    /** Canonical: the same in every deployment, so GP software can recognise the codes wherever they come from. */
    static final String URL = "https://bruzel.be/fhir/CodeSystem/themes";

    private static final String INACTIVE = "inactive";

    private final Directory directory;

    ThemeCodeSystem(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        if (!ID.equals(id.getIdPart())) {
            throw new ResourceNotFoundException(id);
        }
        return codeSystem(directory.themes());
    }

    @Search
    public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) UriParam url) {
        return url == null || URL.equals(url.getValue()) ? List.of(codeSystem(directory.themes())) : List.of();
    }

    static CodeSystem codeSystem(List<Directory.Theme> all) {
        CodeSystem system = new CodeSystem();
        system.setId(ID);
        system.setUrl(URL);
        system.setName("BruzelThemes");
        system.setTitle("Thema's van sociale verwijzing / Thèmes de l'orientation sociale");
        system.setStatus(PublicationStatus.ACTIVE);
        system.setExperimental(false);
        system.setPublisher("BruZEL");
        system.setDescription("The welfare needs a person is referred for (loneliness, debts, housing, paperwork, ...),"
                + " as the social map of Brussels names them; a retired theme takes no new referrals.");
        system.setLanguage("nl");
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCount(all.size());
        system.addProperty()
                .setCode(INACTIVE)
                .setUri("http://hl7.org/fhir/concept-properties#inactive")
                .setType(CodeSystem.PropertyType.BOOLEAN)
                .setDescription("A retired theme: no new referrals");
        for (Directory.Theme theme : all) {
            CodeSystem.ConceptDefinitionComponent concept =
                    system.addConcept().setCode(theme.code()).setDisplay(theme.nameNl());
            concept.addDesignation().setLanguage("fr").setValue(theme.nameFr());
            if (theme.nameEn() != null) {
                concept.addDesignation().setLanguage("en").setValue(theme.nameEn());
            }
            if (!theme.active()) {
                concept.addProperty().setCode(INACTIVE).setValue(new BooleanType(true));
            }
        }
        return system;
    }
}
