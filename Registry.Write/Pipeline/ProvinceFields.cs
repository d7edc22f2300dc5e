using System.Collections.Concurrent;
using System.Reflection;
using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>
/// Finds the province codes a fact or command names: properties called <c>ProvinceCode</c>, <c>…ProvinceCode</c> or
/// <c>ProvinceCodes</c>. Every such code must be valid on the fact's date and, for an editor, within its scope.
/// </summary>
public static class ProvinceFields
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<ProvinceField> Of(object fact)
    {
        foreach (var property in Properties.GetOrAdd(fact.GetType(), Find))
        {
            var path = RegistryJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
            switch (property.GetValue(fact))
            {
                case string code:
                    yield return new ProvinceField(path, code);
                    break;
                case IReadOnlyList<string> codes:
                    for (var i = 0; i < codes.Count; i++) yield return new ProvinceField($"{path}[{i}]", codes[i]);
                    break;
            }
        }
    }

    private static PropertyInfo[] Find(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name.EndsWith("ProvinceCode", StringComparison.Ordinal) && p.PropertyType == typeof(string)
                    || p.Name == "ProvinceCodes" && p.PropertyType == typeof(IReadOnlyList<string>))
        .ToArray();
}
