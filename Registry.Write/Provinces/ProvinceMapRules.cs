using System.Text.RegularExpressions;
using Registry.Write.Pipeline;

namespace Registry.Write.Provinces;

/// <summary>Province codes are the General Statistics Office's two-digit codes.</summary>
public static partial class ProvinceMapRules
{
    public static void CheckCode(string code, string path, FieldErrors errors) =>
        errors.Require(Code().IsMatch(code), path, "must be a two-digit province code (such as 20 for Lạng Sơn)");

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex Code();
}
