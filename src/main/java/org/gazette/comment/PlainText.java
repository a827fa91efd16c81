package org.gazette.comment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text of at most {@link #max()} code points with no control characters (newlines
 * and tabs allowed where {@link #multiline()}). Null is valid: pair with
 * {@code @NotBlank} where required.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    int max();

    boolean multiline() default false;

    String message() default "{validation.plainText.tooLong}";

    String controlMessage() default "{validation.plainText.control}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private int max;

        private boolean multiline;

        private String controlMessage;

        @Override
        public void initialize(PlainText annotation) {
            this.max = annotation.max();
            this.multiline = annotation.multiline();
            this.controlMessage = annotation.controlMessage();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (Texts.hasControlCharacters(value) || (!this.multiline && value.indexOf('\n') >= 0)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(this.controlMessage).addConstraintViolation();
                return false;
            }
            return Texts.codePoints(value) <= this.max;
        }

    }

}
