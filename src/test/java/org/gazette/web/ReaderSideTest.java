package org.gazette.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, with MockMvc beside it, small comment pages
 * (3 threads a page) and shallow threads (3 levels), so paging and depth rules show with
 * few comments. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gazette.comments.page-size=3", "gazette.comments.thread-depth=3" })
@AutoConfigureMockMvc
@Import(ReaderSideTestConfiguration.class)
@interface ReaderSideTest {

}
