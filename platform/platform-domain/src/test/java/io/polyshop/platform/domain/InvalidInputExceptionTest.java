package io.polyshop.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void namesTheFieldAndTheReasonOfASingleViolation() {
        var invalid = new InvalidInputException("quantity", "must be at least 1");

        assertThat(invalid).hasMessage("quantity: must be at least 1");
        assertThat(invalid.violations()).containsExactly(new Violation("quantity", "must be at least 1"));
    }

    @Test
    void countsTheFieldsWhenSeveralAreWrong() {
        var invalid = new InvalidInputException(
                List.of(new Violation("name", "is required"), new Violation("price", "must be positive")));

        assertThat(invalid).hasMessage("2 fields are invalid");
        assertThat(invalid.violations()).extracting(Violation::field).containsExactly("name", "price");
    }

    @Test
    void keepsItsViolationsWhateverTheCallerDoesWithItsList() {
        List<Violation> found = new ArrayList<>(List.of(new Violation("sku", "is required")));
        var invalid = new InvalidInputException(found);

        found.clear();

        assertThat(invalid.violations()).hasSize(1);
    }

    @Test
    void refusesToBeThrownWithoutAViolation() {
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
