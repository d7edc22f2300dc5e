using Registry.Projections.Runtime;

namespace Registry.Host.Hosting;

/// <summary>Runs the projection runner for the lifetime of the server; stopping it releases this process's leases.</summary>
public sealed class ProjectionsHostedService(ProjectionRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
