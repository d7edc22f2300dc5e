namespace Registry.Contracts.Common;

/// <summary>Marks personal data (names of people, phone numbers, e-mail addresses, ID numbers): it never leaves
/// through a partner feed, and will be stored encrypted.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PersonalDataAttribute : Attribute;
