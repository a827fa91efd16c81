package org.gazette.moderation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.gazette.editor.Usernames;

/**
 * The username of a new account follows the one username rule ({@link Usernames}):
 * letters, digits and {@code . _ @ -}, at most {@link Usernames#MAX_LENGTH}
 * characters, surrounding spaces aside. A blank one is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = AccountUsername.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface AccountUsername {

    String message() default "{account.username.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AccountUsername, String> {

        @Override
        public boolean isValid(String username, ConstraintValidatorContext context) {
            if (username == null || username.isBlank() || Usernames.canonical(username).isPresent()) {
                return true;
            }
            if (username.strip().length() > Usernames.MAX_LENGTH) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{account.username.tooLong}").addConstraintViolation();
            }
            return false;
        }

    }

}
