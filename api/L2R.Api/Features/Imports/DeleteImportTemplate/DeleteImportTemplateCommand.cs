using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports.DeleteImportTemplate;

public sealed record DeleteImportTemplateCommand(string Name, ImportKind Kind) : ICommand;

public sealed class DeleteImportTemplateHandler(L2RDbContext db) : ICommandHandler<DeleteImportTemplateCommand>
{
    public async ValueTask<Unit> Handle(DeleteImportTemplateCommand command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        return await db.ImportTemplates.Where(t => t.Kind == command.Kind && t.Name == name).ExecuteDeleteAsync(ct) == 0
            ? throw new NotFoundException("Import template", name)
            : Unit.Value;
    }
}
