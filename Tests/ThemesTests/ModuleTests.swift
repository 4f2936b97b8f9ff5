import Themes
