namespace Registry.Write.Pipeline;

/// <summary>Every command the registry accepts, by name, found from the use cases of this assembly.</summary>
public sealed class CommandCatalogue
{
    private readonly Dictionary<string, IUseCase> _byName = typeof(CommandCatalogue).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, BaseType.IsGenericType: true } && t.BaseType.GetGenericTypeDefinition() == typeof(UseCase<>))
        .Select(t => (IUseCase)Activator.CreateInstance(t)!)
        .ToDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IUseCase> All => _byName.Values;

    public bool TryGet(string name, out IUseCase useCase) => _byName.TryGetValue(name, out useCase!);
}
