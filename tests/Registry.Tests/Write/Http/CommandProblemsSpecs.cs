using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Host.Http;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Http;

/// <summary>How a refused command is answered over HTTP: a conflict (the stream kept changing) invites a retry, a broken rule does not.</summary>
public sealed class CommandProblemsSpecs
{
    [Test]
    public async Task A_conflict_is_a_409_with_retry_after_and_a_broken_rule_a_409_without()
    {
        var conflict = await AnswerTo(CommandError.Conflict("stream 'competition-x' kept changing while AwardPrize was decided; send it again"));
        var broken = await AnswerTo(Rule.Broken("prize 'p1' of competition 'x' is already awarded").Error);

        Assert.That((conflict.StatusCode, conflict.Headers.RetryAfter.ToString()), Is.EqualTo((409, "1")));
        Assert.That((broken.StatusCode, broken.Headers.RetryAfter.Count), Is.EqualTo((409, 0)));
    }

    private static async Task<HttpResponse> AnswerTo(CommandError error)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        await CommandProblems.From(error).ExecuteAsync(http);
        return http.Response;
    }
}
