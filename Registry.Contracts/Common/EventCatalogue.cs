using System.Reflection;
using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.EcosystemEvents;
using Registry.Contracts.Figures;
using Registry.Contracts.IndexScores;
using Registry.Contracts.Organizations;
using Registry.Contracts.Plans;
using Registry.Contracts.Provinces;
using Registry.Contracts.Startups;
using Registry.Contracts.Trainings;

namespace Registry.Contracts.Common;

/// <summary>
/// Every event type of the registry, by the name it has in the log (the record's name) and its schema version. A
/// new version of an event keeps its name and raises its version; readers upcast older versions.
/// </summary>
public static class EventCatalogue
{
    private static readonly Dictionary<string, (Type Type, int Version)> ByName = new[]
    {
        (typeof(ProvinceRegistered), 1), (typeof(ProvincesReorganized), 1), (typeof(ProvinceRenamed), 1),
        (typeof(ProvincialPlanAdopted), 1), (typeof(PlanTargetRevised), 1), (typeof(PlanSuperseded), 1), (typeof(ResolutionIssued), 1),
        (typeof(PlanNumberClaimed), 1),
        (typeof(StartupRegistered), 1), (typeof(StartupProfileUpdated), 1), (typeof(StartupRelocated), 1), (typeof(StartupIncorporated), 1),
        (typeof(StartupClosed), 1), (typeof(SupportGranted), 1), (typeof(FundingRecorded), 1),
        (typeof(SupportOrganizationRegistered), 1), (typeof(OrganizationRenamed), 1), (typeof(OrganizationClosed), 1),
        (typeof(InvestorRegistered), 1), (typeof(MentorRegistered), 1),
        (typeof(CompetitionLaunched), 1), (typeof(ApplicationsRecorded), 1), (typeof(PrizeAwarded), 1), (typeof(CompetitionClosed), 1),
        (typeof(TrainingRecorded), 1), (typeof(EcosystemEventRecorded), 1), (typeof(IndexScorePublished), 1), (typeof(FigureReported), 1),
        (typeof(FactCorrected), 1), (typeof(FactRetracted), 1),
    }.ToDictionary(e => e.Item1.Name, e => e);

    public static IEnumerable<string> Names => ByName.Keys;

    public static IEnumerable<Type> Types => ByName.Values.Select(v => v.Type);

    public static bool TryGetType(string name, out Type type)
    {
        var found = ByName.TryGetValue(name, out var entry);
        type = entry.Type;
        return found;
    }

    public static string NameOf(Type type) => ByName.ContainsKey(type.Name) ? type.Name
        : throw new ArgumentException($"{type.Name} is not an event of the catalogue", nameof(type));

    public static int VersionOf(string name) => ByName[name].Version;

    /// <summary>The JSON property names (camelCase paths, '[]' for list items) that hold personal data in an event type.</summary>
    public static IReadOnlyList<string> PersonalDataPaths(Type type) => PersonalPaths(type, "").ToList();

    private static IEnumerable<string> PersonalPaths(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = prefix + Options.PropertyNamingPolicy!.ConvertName(property.Name);
            if (property.GetCustomAttribute<PersonalDataAttribute>() is not null) { yield return name; continue; }
            var item = ItemType(property.PropertyType);
            if (item is not null && item.Namespace?.StartsWith("Registry.Contracts", StringComparison.Ordinal) == true && item.IsClass)
                foreach (var inner in PersonalPaths(item, name + "[]."))
                    yield return inner;
        }
    }

    private static Type? ItemType(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? t.GetGenericArguments()[0] : null;

    private static System.Text.Json.JsonSerializerOptions Options => RegistryJson.Options;
}
