package io.eddy.testkit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Turns a failed check into a message that names the contract, the check, the class under
 * test and the rule it broke, above the assertion's own description of what was seen.
 */
final class ContractFailures implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
    Object instance = context.getTestInstance().orElse(null);
    Method method = context.getTestMethod().orElse(null);
    if (!(thrown instanceof AssertionError || thrown instanceof RuntimeException)
        || instance == null || method == null) {
      throw thrown;
    }
    throw explain(instance, method.getName(), thrown);
  }

  /**
   * The failure of check {@code name} of {@code contract}, explained: a failed assertion, or
   * an exception the check did not expect.
   */
  static AssertionError explain(Object contract, String name, Throwable failure) {
    String rule = "";
    for (Class<?> c = contract.getClass(); c != null && rule.isEmpty(); c = c.getSuperclass()) {
      try {
        Rule r = c.getDeclaredMethod(name).getAnnotation(Rule.class);
        rule = r == null ? "" : r.value();
      } catch (NoSuchMethodException notHere) {
        // declared higher up
      }
    }
    String kit = contract instanceof OnlineClustererContract ? "OnlineClustererContract"
        : contract instanceof ClustererContract ? "ClustererContract"
        : contract.getClass().getSimpleName();
    String subject = contract.getClass().getName();
    try {
      Object created = contract instanceof OnlineClustererContract<?> online ? online.create(0)
          : contract instanceof ClustererContract<?> batch ? batch.create(0) : null;
      subject = created == null ? subject : created.getClass().getName() + " (" + subject + ")";
    } catch (RuntimeException cannotCreate) {
      // the test class's name alone
    }
    AssertionError explained = new AssertionError(kit + "." + name + " failed for " + subject
        + (rule.isEmpty() ? "" : ": " + rule) + System.lineSeparator()
        + (failure instanceof AssertionError ? failure.getMessage() : "unexpected " + failure), failure);
    explained.setStackTrace(failure.getStackTrace());
    return explained;
  }

}
