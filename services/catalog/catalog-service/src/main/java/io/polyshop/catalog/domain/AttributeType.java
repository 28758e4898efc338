package io.polyshop.catalog.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The kinds of value a category attribute can hold, and how a submitted value is checked. */
public enum AttributeType {
    TEXT {
        @Override
        Object accept(Object value) {
            return value instanceof String text && !text.isBlank() && text.length() <= 200 ? text : null;
        }

        @Override
        String expectation() {
            return "must be a text of 1-200 characters";
        }
    },
    INTEGER {
        @Override
        Object accept(Object value) {
            if (value instanceof Integer || value instanceof Long) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big && big.bitLength() < 64) {
                return big.longValue();
            }
            return null;
        }

        @Override
        String expectation() {
            return "must be a whole number";
        }
    },
    DECIMAL {
        @Override
        Object accept(Object value) {
            return switch (value) {
                case BigDecimal decimal -> decimal;
                case Integer number -> BigDecimal.valueOf(number);
                case Long number -> BigDecimal.valueOf(number);
                case Double number when Double.isFinite(number) -> BigDecimal.valueOf(number);
                case null, default -> null;
            };
        }

        @Override
        String expectation() {
            return "must be a number";
        }
    },
    BOOLEAN {
        @Override
        Object accept(Object value) {
            return value instanceof Boolean ? value : null;
        }

        @Override
        String expectation() {
            return "must be true or false";
        }
    };

    /** The value in its canonical Java type, or null when it is not of this type. */
    abstract Object accept(Object value);

    abstract String expectation();
}
