# A team's own template: the house catalog look. Get-GptImageTemplate -TemplatePath ./templates lists it.
@{
    Name         = 'house-product'
    Description  = 'Our catalog look: the product on warm oak, morning light, square.'
    Subject      = 'A catalog photograph of {Product}, centred and shown whole'
    Setting      = 'On a warm oak tabletop against a plain {Wall} wall'
    Style        = 'Scandinavian editorial product photography'
    Lighting     = 'Soft morning window light from the left, calm mood'
    Technical    = '85mm lens, f/8, sharp focus on the product, true-to-life colours'
    Negative     = 'text, logos, watermarks, people, clutter'
    Placeholders = @{
        Product = @{ Description = 'the product and the details that must be right' }
        Wall    = @{ Description = 'wall colour behind the table'; Default = 'off-white' }
    }
    Defaults     = @{ Size = '1024x1024'; Quality = 'medium'; OutputFormat = 'png' }
}
