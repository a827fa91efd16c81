package org.gazette.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that takes a stranger's post: {@link CommentPostGuard} applies
 * the cross-site check, the body size cap and the rate limit to every request that
 * reaches it, however its path was spelled, before the body is read.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface GuardedPost {

}
