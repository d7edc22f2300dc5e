using NUnit.Framework;
using Registry.Tests.Infrastructure;

/// <summary>Stops the throwaway PostgreSQL cluster, if a test started one, when the whole run ends.</summary>
[SetUpFixture]
public sealed class TestRunLifetime
{
    [OneTimeTearDown]
    public void StopPostgres() => PostgresCluster.StopIfStarted();
}
