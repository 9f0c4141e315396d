package io.eddy.examples;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.testkit.OnlineClustererContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every online clusterer on the class path, built-in or plugged in, passes the contract kit
 * with its default parameters, found only through the registry.
 */
class RegisteredClusterersTest {

  @TestFactory
  List<DynamicTest> everyRegisteredOnlineClusterer_passesTheContract() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ClustererProvider p : Clusterers.providers()) {
      if (!p.capabilities().contains(Capability.ONLINE)) {
        continue;
      }
      boolean seeded = p.parameters().stream().map(Parameter::name).anyMatch("seed"::equals);
      tests.add(DynamicTest.dynamicTest(p.name(), () -> OnlineClustererContract
          .<OnlineClusterer<?>>of(seed -> seeded
              ? Clusterers.online(p.name(), Map.of("seed", seed))
              : Clusterers.online(p.name()), p.name())
          .runAll()));
    }
    return tests;
  }
}
