using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

/// <summary>PostgreSQL writes go out with <c>$n</c> parameters: each name the SQL uses becomes one position, in the order
/// it first appears, whatever other names it begins.</summary>
public sealed class PositionalStatementSpecs
{
    [Test]
    public void Each_name_gets_its_own_position_and_keeps_it_where_it_repeats()
    {
        const string sql = "INSERT INTO t (a, b, c) VALUES (@ValidFrom, @Valid, @ValidQualifier) -- @Valid again, @unknown";
        var values = new { Valid = 1.0, ValidQualifier = "about", ValidFrom = 7L, Unused = "x" };
        var statement = PositionalStatement.For(sql, StatementParameters.For(sql, values));

        Assert.That(statement.Sql, Is.EqualTo("INSERT INTO t (a, b, c) VALUES ($1, $2, $3) -- $2 again, @unknown"));
        Assert.That(statement.Order.Select(i => statement.Parameters.Value(i, values)), Is.EqualTo(new object[] { 7L, 1.0, "about" }));
    }
}
