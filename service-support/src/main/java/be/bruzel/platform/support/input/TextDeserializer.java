package be.bruzel.platform.support.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every text in a JSON body is refused when it holds a control character; Jackson names the
 * field it was read into, so the problem names it too.
 */
final class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && ControlCharacters.in(text)) {
            throw new InvalidFormatException(parser, "A text holds a control character", text, String.class);
        }
        return text;
    }
}
