package be.bruzel.platform.support.input;

/**
 * Text a person can type holds no control characters but tab, line feed and carriage return.
 * PostgreSQL cannot store NUL at all, and the others only hide what a text really says.
 */
final class ControlCharacters {

    private ControlCharacters() {}

    static boolean in(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
