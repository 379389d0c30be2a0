package be.bruzel.referralservice.personvoice;

/**
 * Where text messages to persons go: an SMS provider the deployment chooses. {@link SmppSmsProvider} speaks SMPP 3.4,
 * which most SMS aggregators take; another provider is another implementation of this, and nothing else changes.
 */
interface SmsProvider {

    /**
     * @param number in international form, digits only, e.g. {@code 32470123456}
     * @throws SmsNotSent when the provider did not take it; the message is tried again later
     */
    void send(String number, String text) throws SmsNotSent;

    final class SmsNotSent extends Exception {
        SmsNotSent(String kind, Throwable cause) {
            super(kind, cause);
        }
    }
}
