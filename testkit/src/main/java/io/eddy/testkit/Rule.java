package io.eddy.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a contract check requires, in one sentence; a failure message quotes it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Rule {

  /** The requirement, as a sentence without a final full stop. */
  String value();
}
