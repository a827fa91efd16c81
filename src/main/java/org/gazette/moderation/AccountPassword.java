package org.gazette.moderation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.gazette.editor.EditorAccountService;

/**
 * The password of a new account: either generated (and then nothing typed), or typed,
 * at least {@link EditorAccountService#MIN_PASSWORD_LENGTH} characters and at most
 * {@link EditorAccountService#MAX_PASSWORD_BYTES} bytes. Reported on the password field.
 */
@Documented
@Constraint(validatedBy = AccountPassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AccountPassword {

    String message() default "{account.password.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AccountPassword, AccountForm> {

        @Override
        public boolean isValid(AccountForm form, ConstraintValidatorContext context) {
            String password = form.getPassword();
            boolean typed = password != null && !password.isEmpty();
            String problem = null;
            if (form.isGenerate()) {
                problem = typed ? "{account.password.both}" : null;
            }
            else if (!typed) {
                problem = "{account.password.required}";
            }
            else {
                problem = lengthProblem(password);
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("password").addConstraintViolation();
            return false;
        }

        /** What is wrong with the length of a typed password, as a message template, or {@code null}. */
        static String lengthProblem(String password) {
            if (password.codePointCount(0, password.length()) < EditorAccountService.MIN_PASSWORD_LENGTH) {
                return "{account.password.tooShort}";
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > EditorAccountService.MAX_PASSWORD_BYTES) {
                return "{account.password.tooLong}";
            }
            return null;
        }

    }

}
