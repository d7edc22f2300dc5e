using Microsoft.Data.Sqlite;
using Registry.Projections.Rebuild;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Rebuild;

/// <summary>The offline rebuild shares its projections out among its connections by the time each has taken so far.</summary>
public sealed class RebuildLaneSpecs
{
    private static List<RebuildLane> Lanes(int count) =>
        Enumerable.Range(0, count).Select(_ => new RebuildLane(new SqliteConnection(), SqlDialect.Sqlite, 1)).ToList();

    [Test]
    public void Before_anything_is_measured_the_projections_go_to_the_lanes_in_turn()
    {
        var lanes = Lanes(2);
        RebuildLane.Assign(lanes, new long[5]);
        Assert.That(lanes[0].Projections, Is.EqualTo(new[] { 0, 2, 4 }));
        Assert.That(lanes[1].Projections, Is.EqualTo(new[] { 1, 3 }));
    }

    [Test]
    public void The_longest_goes_first_each_to_the_lane_with_the_least()
    {
        var lanes = Lanes(2);
        RebuildLane.Assign(lanes, [10, 60, 5, 30, 25]);
        Assert.That(lanes[0].Projections, Is.EqualTo(new[] { 1, 2 }), "60, then 5 once the other lane has more");
        Assert.That(lanes[1].Projections, Is.EqualTo(new[] { 3, 4, 0 }), "30 + 25 + 10 beside it");
    }

    [Test]
    public void A_new_assignment_replaces_the_previous_one()
    {
        var lanes = Lanes(2);
        RebuildLane.Assign(lanes, [1, 2, 3]);
        RebuildLane.Assign(lanes, [0, 0, 9]);
        Assert.That(lanes.SelectMany(l => l.Projections).Order(), Is.EqualTo(new[] { 0, 1, 2 }), "each projection on exactly one lane");
        Assert.That(lanes[0].Projections, Is.EqualTo(new[] { 2 }));
    }
}
