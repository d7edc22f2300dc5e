using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.EventStore;
using Registry.Write.Access;
using Registry.Write.Provinces;

namespace Registry.Write.Pipeline;

/// <summary>Registers the write side over the <see cref="IEventStore"/> already registered.</summary>
public static class WriteSide
{
    public static IServiceCollection AddWriteSide(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StreamLoader>();
        services.AddSingleton<ProvinceMapCache>();
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton<CommandCatalogue>();
        services.AddSingleton<CommandSender>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddMediator((MediatorOptions options) =>
        {
            options.Namespace = "Registry.Write.Pipeline.Generated";
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.GenerateTypesAsInternal = true;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(AuthorizationBehavior<,>)];
        });
        return services;
    }

    /// <summary>The write side without a web host (the CLI, tests): dispose the provider when done.</summary>
    public static ServiceProvider CreateProvider(IEventStore store)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddWriteSide();
        return services.BuildServiceProvider();
    }
}
