using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Common;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Tests.Infrastructure;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Pipeline;

public sealed class TransientFaultSpecs
{
    /// <summary>A database fault after the commit: the append landed but its answer was lost.</summary>
    private sealed class LostAnswer() : DbException("connection reset after commit")
    {
        public override bool IsTransient => true;
    }

    /// <summary>A log that loses the answer of the first append to <paramref name="losing"/>.</summary>
    private sealed class LosingLog(IEventStore inner, string losing) : InterceptedLog(inner)
    {
        private int _appends;

        protected override AppendResult AfterAppend(string stream, AppendResult result) =>
            stream == losing && Interlocked.Increment(ref _appends) == 1 ? throw new LostAnswer() : result;
    }

    [Test]
    public async Task A_transient_fault_is_retried_without_appending_twice()
    {
        await using var log = new LosingLog(await StoreKind.OpenNewAsync(StoreKind.Sqlite), "training-t");
        await using var services = WriteSide.CreateProvider(log);
        await log.AppendAsync(StreamNames.ProvinceMap, ExpectedRevision.NoStream,
            EventEncoder.Encode(TestMap.Provinces, new CommandContext(Guid.NewGuid(), Principal.Admin("t"))));
        var training = new RecordTraining("t", "T", "O", "20", new DateOnly(2022, 1, 1), new DateOnly(2022, 1, 2), "a", Figure.Exact(1), new DateOnly(2022, 1, 2), "s");

        var outcome = await services.GetRequiredService<CommandSender>().SendAsync(training, Guid.NewGuid(), Principal.Admin("t"), CancellationToken.None);

        Assert.That(outcome.Succeeded, Is.True, () => outcome.Error!.Detail);
        Assert.That(await log.GetHeadPositionAsync(), Is.EqualTo(TestMap.Provinces.Length + 1));
    }
}
