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

    [Test]
    public void A_plain_insert_is_written_for_many_rows_each_parameter_an_array_of_their_values()
    {
        const string sql = "INSERT INTO t (a, b, c) VALUES (@A, @B, @A)";
        var values = new { A = 1L, B = "x" };
        var statement = PositionalStatement.For(sql, StatementParameters.For(sql, values));

        Assert.That(statement.IsPlainInsert);
        Assert.That(statement.ForArrays, Is.EqualTo("INSERT INTO t (a, b, c) SELECT * FROM unnest($1, $2, $1)"));
    }

    [Test]
    public void A_plain_insert_is_copied_each_column_taking_its_parameter_value()
    {
        const string sql = "INSERT INTO t (a, b, c) VALUES (@A, @B, @A)";
        var values = new { A = 1L, B = "x" };
        var statement = PositionalStatement.For(sql, StatementParameters.For(sql, values));

        Assert.That(statement.Copy, Is.EqualTo("COPY t (a, b, c) FROM STDIN"));
        Assert.That(statement.CopiedValues, Is.EqualTo(new[] { 0, 1, 0 }));
    }

    [TestCase("INSERT INTO t (a) VALUES (@A) ON CONFLICT (a) DO NOTHING")]
    [TestCase("INSERT INTO t (a) VALUES (lower(@A))")]
    [TestCase("INSERT INTO t (a) SELECT @A")]
    [TestCase("INSERT INTO t (a, b) VALUES (@A, 'x, y')")]
    [TestCase("INSERT INTO t (a, b) VALUES (@A, NULL)")]
    [TestCase("INSERT INTO t (a) VALUES (@A::jsonb)")]
    [TestCase("UPDATE t SET a = @A WHERE a IS NULL")]
    public void A_statement_that_does_more_than_insert_its_own_values_is_written_one_row_at_a_time(string sql)
    {
        var statement = PositionalStatement.For(sql, StatementParameters.For(sql, new { A = "x" }));

        Assert.That(statement.IsPlainInsert, Is.False);
        Assert.Throws<InvalidOperationException>(() => _ = statement.ForArrays);
        Assert.Throws<InvalidOperationException>(() => _ = statement.Copy);
    }

    [Test]
    public void An_insert_of_a_value_whose_type_has_no_array_is_written_one_row_at_a_time()
    {
        const string sql = "INSERT INTO t (a, b) VALUES (@A, @B)";
        var statement = PositionalStatement.For(sql, StatementParameters.For(sql, new { A = "x", B = new DateTime(2025, 7, 1) }));

        Assert.That(statement.IsPlainInsert, Is.False);
    }
}
