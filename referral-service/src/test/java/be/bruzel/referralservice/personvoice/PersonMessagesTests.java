package be.bruzel.referralservice.personvoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonMessagesTests {

    @Test
    void aBelgianMobileNumberIsTextedInInternationalFormHoweverItWasWritten() {
        assertThat(PersonMessages.mobileNumber("0470 12 34 56")).contains("32470123456");
        assertThat(PersonMessages.mobileNumber("+32 (0)470/12.34.56")).contains("32470123456");
        assertThat(PersonMessages.mobileNumber("0032 499 12 34 56")).contains("32499123456");
    }

    @Test
    void aNumberOfAnotherCountryKeepsItsCode() {
        assertThat(PersonMessages.mobileNumber("+33 6 12 34 56 78")).contains("33612345678");
    }

    @Test
    void aLandlineOrNoNumberTakesNoText() {
        assertThat(PersonMessages.mobileNumber("02 123 45 67")).isEmpty();
        assertThat(PersonMessages.mobileNumber("+32 2 123 45 67")).isEmpty();
        assertThat(PersonMessages.mobileNumber(null)).isEmpty();
        assertThat(PersonMessages.mobileNumber("0470")).isEmpty();
    }
}
