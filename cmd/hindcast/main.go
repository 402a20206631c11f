package main
import (
 _ "github.com/spf13/cobra"
 _ "go.yaml.in/yaml/v3"
 _ "gonum.org/v1/gonum/stat"
 _ "gonum.org/v1/plot"
)
func main(){}
