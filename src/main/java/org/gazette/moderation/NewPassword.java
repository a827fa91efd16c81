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

/**
 * A password change: the current password is given, the new one meets the length rules
 * of {@link AccountPassword}, and it was typed the same twice. Each problem is reported
 * beside its field.
 */
@Documented
@Constraint(validatedBy = NewPassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface NewPassword {

    String message() default "{password.new.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NewPassword, PasswordForm> {

        @Override
        public boolean isValid(PasswordForm form, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (isEmpty(form.getCurrentPassword())) {
                valid = report(context, "currentPassword", "{password.current.required}");
            }
            String problem = isEmpty(form.getNewPassword()) ? "{password.new.required}"
                    : AccountPassword.Validator.lengthProblem(form.getNewPassword());
            if (problem != null) {
                valid = report(context, "newPassword", problem);
            }
            else if (!form.getNewPassword().equals(form.getRepeatPassword())) {
                valid = report(context, "repeatPassword", "{password.repeat.different}");
            }
            return valid;
        }

        private static boolean isEmpty(String password) {
            return password == null || password.isEmpty();
        }

        private static boolean report(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }

    }

}
