package io.polyshop.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads every JSON string of a request body as Jackson does, and refuses one with a control or
 * bidirectional formatting character: the client gets a 400 naming the field, and no use case ever
 * sees such a string.
 */
final class ControlCharacterText extends StringDeserializer {

    static SimpleModule module() {
        return new SimpleModule("polyshop-control-character-text")
                .addDeserializer(String.class, new ControlCharacterText());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String text = super.deserialize(parser, context);
        if (text != null && ControlCharacters.in(text)) {
            throw new Refused(parser, ControlCharacters.refusal(text), text);
        }
        return text;
    }

    /** A string refused for what it contains; {@link JsonProblems} shows the client its message. */
    static final class Refused extends InvalidFormatException {

        private final String refusal;

        Refused(JsonParser parser, String refusal, String text) {
            super(parser, refusal, text, String.class);
            this.refusal = refusal;
        }

        String refusal() {
            return refusal;
        }
    }
}
