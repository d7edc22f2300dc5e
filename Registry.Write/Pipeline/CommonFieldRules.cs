using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>
/// Rules every fact shares, applied to each field by its type and name: text is not blank and not huge, ids are
/// short and without spaces (they become stream names), counts and amounts are not negative, a figure that counts
/// (participants, applications, attendees, exhibits) is whole, years and dates are in the registry's span, and nothing
/// has occurred after today (Vietnam's date).
/// </summary>
public static partial class CommonFieldRules
{
    public const int MaxText = 4000;
    public static readonly DateOnly Earliest = new(1945, 9, 2);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, bool Nullable)[]> Fields = new();
    private static readonly NullabilityInfoContext Nullability = new();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    public static void Check(IRegistryCommand command, FieldErrors errors, DateOnly today)
    {
        CheckObject(command, "", errors);
        if (command.OccurredOn > today)
            errors.Add("occurredOn", $"{command.OccurredOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): a fact cannot have occurred in the future");
    }

    private static void CheckObject(object value, string prefix, FieldErrors errors)
    {
        foreach (var (property, name, nullable) in Fields.GetOrAdd(value.GetType(), Describe))
            CheckValue(property.GetValue(value), prefix + name, name, property.Name, nullable, errors);
    }

    private static void CheckValue(object? value, string path, string name, string clrName, bool nullable, FieldErrors errors)
    {
        switch (value)
        {
            case null:
                if (!nullable) errors.Add(path, "is required");
                break;
            case string text:
                if (string.IsNullOrWhiteSpace(text)) errors.Add(path, nullable ? "is blank: leave it out (null) instead" : "must not be blank");
                else if (text.Length > MaxText) errors.Add(path, $"is longer than {MaxText} characters");
                else if (clrName.EndsWith("Id", StringComparison.Ordinal) && !IdShape().IsMatch(text))
                    errors.Add(path, "must be 1 to 100 letters, digits, '.', '_' or '-' (it names a stream), starting with a letter or digit");
                break;
            case int or long or decimal:
                var number = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                if (number < 0) errors.Add(path, "must not be negative");
                else if (name is "year" or "periodFrom" or "periodTo" && (number < Earliest.Year || number > Latest.Year))
                    errors.Add(path, $"must be a year from {Earliest.Year} to {Latest.Year}");
                break;
            case DateOnly date:
                if (date < Earliest || date > Latest) errors.Add(path, $"must be a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}");
                break;
            case Figure figure:
                // A reported figure is in its own unit (3,5 tỷ đồng); these count people, files or exhibits.
                if (name is "participants" or "received" or "valid" or "attendees" or "exhibits" && figure.Value != decimal.Truncate(figure.Value))
                    errors.Add(path + ".value", $"{figure.Value} is not a whole number: it counts; was a thousands separator read as a decimal point?");
                CheckObject(value, path + ".", errors);
                break;
            case JsonElement or Guid or bool or Enum:
                break;
            case IList list:
                for (var i = 0; i < list.Count; i++) CheckValue(list[i], $"{path}[{i}]", name, clrName, false, errors);
                break;
            default:
                CheckObject(value, path + ".", errors);
                break;
        }
    }

    private static (PropertyInfo, string, bool)[] Describe(Type type)
    {
        lock (Nullability) // NullabilityInfoContext is not thread-safe
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (p, RegistryJson.Options.PropertyNamingPolicy!.ConvertName(p.Name), Nullability.Create(p).ReadState == NullabilityState.Nullable))
                .ToArray();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdShape();
}
