/**
 * The contract every Eddy clusterer keeps, as JUnit 5 tests to extend: {@link
 * io.eddy.testkit.OnlineClustererContract} for an {@link io.eddy.OnlineClusterer}, {@link
 * io.eddy.testkit.ClustererContract} for a batch {@link io.eddy.Clusterer}. A plug-in adds the
 * one test dependency {@code io.eddy:eddy-testkit}, which brings JUnit 5 and AssertJ, and
 * extends the contract in its test sources; a failed check names the contract, the check, the
 * class under test and the rule it broke. {@link io.eddy.testkit.Blobs} and {@link
 * io.eddy.testkit.Ari} make data with known structure and score a clustering against it;
 * {@link io.eddy.testkit.ForgedRecords} tests a codec against forged saved records.
 */
package io.eddy.testkit;
