using Mediator;
using Registry.Write.Provinces;

namespace Registry.Write.Pipeline;

/// <summary>
/// Second step: may this key record this fact? The role must write, and an editor's scope must hold every province
/// the command names (<see cref="ProvinceScope"/>). A command naming none (a prize, a closure) is checked against the
/// provinces of its stream once that is loaded, in <see cref="CommandExecutor"/>.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ProvinceMapCache provinces) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IWriteRequest
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var principal = message.Context.Principal;
        var useCase = message.UseCase;
        if (principal.Role != Role.Admin)
        {
            var named = useCase.ProvincesNamed(message.Command).Select(p => new ProvinceRef(p.Code, p.On ?? message.Command.OccurredOn)).ToList();
            if (!principal.CanWrite || useCase.AdminOnly || named.Count > 0)
            {
                var problem = ProvinceScope.Problem(principal, await provinces.GetAsync(ct), named, useCase.AdminOnly, useCase.Name);
                if (problem is not null) throw new CommandRejectedException(CommandError.Forbidden(problem));
            }
        }
        return await next(message, ct);
    }
}
